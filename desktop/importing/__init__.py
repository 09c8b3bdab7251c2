"""Importing from the window: a background job, its progress bar, and the final report."""
