"""The bundled encoder itself: loads offline, and ranks a paraphrase above a look-alike."""

from __future__ import annotations

import numpy as np
import pytest

from library.compare.embedding import load_encoder, model_id


@pytest.mark.slow
def test_real_model_scores_a_paraphrase_above_a_non_paraphrase() -> None:
    encoder = load_encoder()
    assert encoder.model_id == model_id()
    v = encoder(
        [
            "The security ministry has become more outspoken.",
            "The security ministry has become unusually prominent.",
            "The security ministry opened a new office in Shanghai.",
            "国家安全部变得更加高调。",
        ]
    )
    assert v.shape == (4, 512)
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    sims = v @ v.T
    assert sims[0, 1] > sims[0, 2]
    # Multilingual: the Chinese sentence is closer to its English counterpart.
    assert sims[3, 0] > sims[3, 2]
