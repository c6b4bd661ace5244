"""Writes the data sets and the frozen (pretrained) weights of this folder (seeded):
python3 make_data.py

    tabular3.npz     X float (96, 12) standardised features, y int64 (96,) class labels 0..2:
                     the fine-tuning task of the LoRA classifier.
    lora_base.npz    the frozen base MLP of the LoRA classifier, NumPy layout (in, out):
                     W1 (12, 24), b1 (24,), W2 (24, 3), b2 (3,). Never updated.
    sensors.npz      X float (80, 10) raw sensor readings (each column with its own offset and
                     scale), y float (80,) 0/1 labels: the task of the FiLM + new-head model.
    film_base.npz    the frozen feature extractor of that model: mu (10,), sigma (10,) the input
                     statistics of its pretraining data (not those of sensors.npz), W1 (10, 16),
                     b1 (16,), W2 (16, 12), b2 (12,). Never updated.
    regress.npz      X float (64, 8), y float (64,) regression targets (spread so that many
                     residuals fall outside the Huber delta on both sides): the BitFit task. The
                     BitFit programs rebuild their frozen base weights from a seed themselves.
"""

from pathlib import Path

import numpy as np

here = Path(__file__).parent
rng = np.random.default_rng(77)

# ---------------------------------------------------------------- LoRA classifier
n, d, k = 96, 12, 3
X = rng.standard_normal((n, d))
proj = rng.standard_normal((d, k))
scores = np.tanh(X @ proj) + 0.5 * (X[:, :k] ** 2) + 0.3 * rng.standard_normal((n, k))
y = scores.argmax(axis=1).astype(np.int64)
np.savez(here / "tabular3.npz", X=X.round(4), y=y)
np.savez(here / "lora_base.npz",
         W1=rng.normal(0.0, 1.0 / np.sqrt(d), (d, 24)), b1=rng.normal(0.0, 0.1, 24),
         W2=rng.normal(0.0, 1.0 / np.sqrt(24), (24, k)), b2=rng.normal(0.0, 0.1, k))

# ---------------------------------------------------------------- FiLM + head
n, d = 80, 10
offset = rng.uniform(-5.0, 5.0, d)
scale = rng.uniform(0.5, 4.0, d)
Z = rng.standard_normal((n, d))
Xs = offset + scale * Z
logit = 1.2 * Z[:, 0] - 0.8 * Z[:, 3] + 0.6 * Z[:, 5] * Z[:, 7] + 0.4 * rng.standard_normal(n)
ys = (logit > 0).astype(float)
np.savez(here / "sensors.npz", X=Xs.round(3), y=ys)
np.savez(here / "film_base.npz",
         mu=offset + rng.normal(0.0, 0.3, d), sigma=scale * rng.uniform(0.8, 1.25, d),
         W1=rng.normal(0.0, 1.0 / np.sqrt(d), (d, 16)), b1=rng.normal(0.0, 0.1, 16),
         W2=rng.normal(0.0, 1.0 / np.sqrt(16), (16, 12)), b2=rng.normal(0.0, 0.1, 12))

# ---------------------------------------------------------------- BitFit regression
n, d = 64, 8
Xr = rng.standard_normal((n, d))
yr = 1.5 * np.sin(Xr[:, 0] + Xr[:, 1]) + 0.8 * Xr[:, 2] - 0.5 * Xr[:, 3] * Xr[:, 4] \
    + 0.3 * rng.standard_normal(n)
np.savez(here / "regress.npz", X=Xr.round(4), y=yr.round(4))
print("classes", np.bincount(y), "positives", ys.mean(), "target std", yr.std().round(3))
