"""The library page: article table model, search filter, preview and small dialogs."""
