"""Loading the user's data."""

import numpy as np
import pytest

from parity.config.data import load_dataset
from parity.errors import InputError


def test_xor_is_the_classic_table():
    data = load_dataset("xor", "float32")
    assert data.X.shape == (4, 3) and data.y.shape == (4, 1)
    assert data.X.dtype == data.y.dtype == np.float32
    assert data.y.ravel().tolist() == [0, 1, 1, 0]
    assert (data.X[:, 2] == 1).all()


def test_random_data_is_seeded_and_sized():
    a = load_dataset("random:10,3,2", "float64", seed=1)
    b = load_dataset("random:10,3,2", "float64", seed=1)
    assert a.X.shape == (10, 3) and a.y.shape == (10, 2)
    np.testing.assert_array_equal(a.X, b.X)
    assert set(np.unique(a.y)) <= {0.0, 1.0}
    assert load_dataset("random:5,2", "float64").y.shape == (5, 1)
    for bad in ("random:5", "random:a,b", "random:0,3", "random:1,2,3,4"):
        with pytest.raises(InputError, match="random:N,D"):
            load_dataset(bad, "float64")


def test_csv_with_header_and_named_targets(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("a,b,t1,t2\n1,2,0,1\n3,4,1,0\n5,6,1,1\n")
    data = load_dataset(str(path), "float64", target=("t1", "t2"))
    assert data.X.tolist() == [[1, 2], [3, 4], [5, 6]]
    assert data.y.tolist() == [[0, 1], [1, 0], [1, 1]]
    by_index = load_dataset(str(path), "float64", target=("0",))
    assert by_index.y.ravel().tolist() == [1, 3, 5]
    with pytest.raises(InputError, match="names no column"):
        load_dataset(str(path), "float64", target=("nope",))


def test_csv_without_header_takes_the_last_column(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text("0,0,1,0\n0,1,1,1\n")
    data = load_dataset(str(path), "float32")
    assert data.X.shape == (2, 3) and data.y.ravel().tolist() == [0, 1]


def test_one_dimensional_targets_become_a_column(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, X=np.ones((3, 2)), y=np.array([0, 1, 0]))
    assert load_dataset(str(path), "float64").y.shape == (3, 1)


def test_object_arrays_are_refused(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, X=np.array([[1, "a"]], dtype=object), y=np.ones((1, 1)))
    with pytest.raises(InputError, match="numeric"):
        load_dataset(str(path), "float64")
