"""Writes coral.npz (ordinal levels) and surv.npz (discrete-time survival) with a fixed seed."""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(200)

# ordinal: 48 rows, 6 features, 5 ordered levels 0..4 from a noisy latent score
X = rng.normal(size=(48, 6))
score = X @ np.array([0.9, -0.6, 0.4, 0.0, 0.7, -0.3]) + 0.4 * rng.normal(size=48)
cuts = np.quantile(score, [0.2, 0.4, 0.6, 0.8])
y = np.searchsorted(cuts, score).astype(np.float64)
np.savez(os.path.join(HERE, "coral.npz"), X=X, y=y)

# survival: 40 rows, 5 features, 6 time bins; y[:, 0] = bin of event or censoring, y[:, 1] = event (1) / censored (0)
X = rng.normal(size=(40, 5))
risk = X @ np.array([0.8, -0.5, 0.3, 0.6, 0.0])
t_event = np.floor(rng.exponential(scale=np.exp(-risk) * 3.0)).astype(int)
t_cens = rng.integers(0, 8, size=40)
t = np.minimum(np.minimum(t_event, t_cens), 5)
event = ((t_event <= t_cens) & (t_event <= 5)).astype(np.float64)
y = np.stack([t.astype(np.float64), event], axis=1)
np.savez(os.path.join(HERE, "surv.npz"), X=X, y=y)
