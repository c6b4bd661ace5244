"""Data for the fresh226 set: two small labelled blob data sets (fixed seed)."""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def blobs(rng, n_per, n_in, n_classes, spread):
    means = rng.normal(0.0, spread, (n_classes, n_in))
    X = np.concatenate([means[k] + rng.normal(0.0, 1.0, (n_per, n_in)) for k in range(n_classes)])
    y = np.repeat(np.arange(n_classes), n_per).astype(np.int64)
    order = rng.permutation(len(y))
    return X[order], y[order]


def main():
    rng = np.random.default_rng(226)
    X, y = blobs(rng, 12, 5, 3, 1.5)
    np.savez(os.path.join(HERE, "a.npz"), X=X, y=y)
    X, y = blobs(rng, 10, 6, 3, 1.5)
    np.savez(os.path.join(HERE, "b.npz"), X=X, y=y)


if __name__ == "__main__":
    main()
