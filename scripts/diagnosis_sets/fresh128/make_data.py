"""Write the small seeded data sets of this folder's programs, next to this file.

    film.npz      X float64 (64, 12): features x (columns 0..7) and a conditioning
                  vector c (columns 8..11); y float64 (64, 1) a target whose
                  dependence on x is scaled and shifted by c
    hyper.npz     X float64 (64, 9): inputs x (columns 0..5) and a task code z
                  (columns 6..8); y int64 (64,) a class in {0, 1, 2} decided by a
                  task-dependent linear map of x
    bilinear.npz  X float64 (96, 15): a first input u_in (columns 0..4), a second
                  input v (columns 5..8) and a dropout keep-mask (columns 9..14,
                  0 or 1, keep probability 0.75, drawn once here so both programs
                  use the same one); y float64 (96, 1) in {0, 1}

    python3 scripts/diagnosis_sets/fresh128/make_data.py
"""

import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def film_data(rng, rows=64):
    x = rng.standard_normal((rows, 8))
    c = rng.standard_normal((rows, 4))
    w = rng.standard_normal(8) / np.sqrt(8)
    scale = 1.0 + 0.5 * np.tanh(c[:, 0] - 0.5 * c[:, 1])
    shift = 0.3 * c[:, 2] - 0.2 * c[:, 3]
    y = scale * np.tanh(x @ w) + shift + 0.05 * rng.standard_normal(rows)
    return np.concatenate([x, c], axis=1), y[:, None]


def hyper_data(rng, rows=64):
    x = rng.standard_normal((rows, 6))
    z = rng.standard_normal((rows, 3))
    maps = rng.standard_normal((3, 6, 3))            # one linear map per task direction
    logits = np.einsum("ni,nt,tik->nk", x, z, maps)
    y = logits.argmax(axis=1).astype(np.int64)
    return np.concatenate([x, z], axis=1), y


def bilinear_data(rng, rows=96, keep=0.75):
    u = rng.standard_normal((rows, 5))
    v = rng.standard_normal((rows, 4))
    mask = (rng.random((rows, 6)) < keep).astype(np.float64)
    A = rng.standard_normal((5, 4))
    score = np.einsum("ni,ij,nj->n", u, A, v) + 0.3 * u[:, 0]
    y = (score > 0).astype(np.float64)[:, None]
    return np.concatenate([u, v, mask], axis=1), y


def main():
    rng = np.random.default_rng(128)
    for name, make in (("film", film_data), ("hyper", hyper_data), ("bilinear", bilinear_data)):
        X, y = make(rng)
        path = os.path.join(HERE, f"{name}.npz")
        np.savez(path, X=X, y=y)
        print(f"{path}: X {X.dtype} {X.shape}, y {y.dtype} {y.shape}")


if __name__ == "__main__":
    main()
