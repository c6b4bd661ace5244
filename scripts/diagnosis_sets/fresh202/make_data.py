"""Write the seeded data of the fresh202 set next to this file.

    mixup.npz       X float64 (32, 6) four noisy clusters, y int64 (32,) in {0, 1, 2, 3}
    mixup_mix.npz   lam float64 (64,) mixup coefficients ~ Beta(0.4, 0.4), rounded to 1/256
                    (exact in float32), perm int64 (64, 32) one row permutation per step
    focal.npz       X float64 (48, 8) three overlapping clusters, y int64 (48,) in {0, 1, 2},
                    imbalanced (class 0 is the majority)
    focal_mix.npz   lam float64 (64,), perm int64 (64, 48), as above

Step t of a program uses lam[t % 64] and perm[t % 64]: nothing random while training.

    python3 scripts/diagnosis_sets/fresh202/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
MIX_STEPS = 64


def clusters(rng, n, d, k, probs, spread):
    centres = rng.standard_normal((k, d)) * 1.5
    y = rng.choice(k, size=n, p=probs).astype(np.int64)
    X = centres[y] + spread * rng.standard_normal((n, d))
    return X, y


def mixing(rng, n, alpha=0.4):
    lam = rng.beta(alpha, alpha, MIX_STEPS)
    lam = np.clip(np.round(lam * 256) / 256, 1 / 256, 255 / 256)
    perm = np.stack([rng.permutation(n) for _ in range(MIX_STEPS)]).astype(np.int64)
    return lam.astype(np.float64), perm


def main():
    rng = np.random.default_rng(202)
    X, y = clusters(rng, 32, 6, 4, [0.25, 0.25, 0.25, 0.25], 1.0)
    np.savez(os.path.join(HERE, "mixup.npz"), X=X, y=y)
    lam, perm = mixing(rng, 32)
    np.savez(os.path.join(HERE, "mixup_mix.npz"), lam=lam, perm=perm)

    X, y = clusters(rng, 48, 8, 3, [0.6, 0.25, 0.15], 1.2)
    np.savez(os.path.join(HERE, "focal.npz"), X=X, y=y)
    lam, perm = mixing(rng, 48)
    np.savez(os.path.join(HERE, "focal_mix.npz"), lam=lam, perm=perm)


if __name__ == "__main__":
    main()
