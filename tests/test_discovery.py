"""Finding the user's parameters by shape and name, and writing them back where they live."""

import numpy as np
import pytest

from parity.programs.discovery import discover
from parity.programs.locations import Location, parse_location
from parity.errors import InputError

X = np.random.default_rng(0).standard_normal((10, 3))
Y = np.random.default_rng(1).standard_normal((10, 2))


class Net:
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


def found(net, given=None):
    d = discover(net, X, Y, given or {})
    return {name: loc.describe() for name, loc in d.locations.items()}, d.sizes


def test_attributes_in_the_numpy_layout():
    net = Net(W1=np.ones((3, 4)), b1=np.zeros(4), W2=np.ones((4, 2)), b2=np.zeros((1, 2)))
    assert found(net) == ({"W1": "W1", "b1": "b1", "W2": "W2", "b2": "b2"}, (3, 4, 2))


def test_weights_stored_out_in_are_read_transposed():
    net = Net(w_a=np.ones((4, 3)), w_b=np.ones((2, 4)), b_a=np.zeros((4, 1)), b_b=np.zeros((2, 1)))
    assert found(net) == ({"W1": "w_a.T", "b1": "b_a", "W2": "w_b.T", "b2": "b_b"}, (3, 4, 2))


def test_lists_dicts_and_objects_in_lists():
    layer = Net(w=np.ones((5, 2)), b=np.zeros(2))
    net = Net(weights=[np.ones((3, 5))], biases=[np.zeros(5)], layers=[Net(), layer])
    assert found(net)[0] == {"W1": "weights[0]", "b1": "biases[0]", "W2": "layers[1].w", "b2": "layers[1].b"}
    net = Net(params={"W1": np.ones((3, 6)), "b1": np.zeros(6), "W2": np.ones((6, 2)), "b2": np.zeros(2)})
    assert found(net)[0] == {"W1": "params['W1']", "b1": "params['b1']", "W2": "params['W2']", "b2": "params['b2']"}


def test_gradients_buffers_data_and_activations_are_passed_over():
    net = Net(dW1=np.ones((3, 4)), velocity_w1=np.ones((3, 4)), X=X.copy(), y=Y.copy(), a1=np.ones((10, 4)),
              W1=np.ones((3, 4)), W2=np.ones((4, 2)), grad_W2=np.ones((4, 2)))
    assert found(net) == ({"W1": "W1", "W2": "W2"}, (3, 4, 2))
    averages = Net(W1=np.ones((3, 4)), W2=np.ones((4, 2)), ema={"W1": np.ones((3, 4)), "W2": np.ones((4, 2))})
    assert found(averages) == ({"W1": "W1", "W2": "W2"}, (3, 4, 2))  # a moving average of the gradients, kept by name
    mirrored = Net(W1=np.ones((3, 4)), b1=np.zeros(4), W2=np.ones((4, 2)), b2=np.zeros(2),
                   vel={"W1": np.zeros((3, 4)), "b1": np.zeros(4), "W2": np.zeros((4, 2)), "b2": np.zeros(2)})
    assert found(mirrored)[0] == {"W1": "W1", "b1": "b1", "W2": "W2", "b2": "b2"}  # a container mirroring them, any name


def test_three_layers_and_no_biases():
    net = Net(W1=np.ones((3, 8)), W2=np.ones((8, 8)), W3=np.ones((8, 2)))
    assert found(net) == ({"W1": "W1", "W2": "W2", "W3": "W3"}, (3, 8, 8, 2))


def test_a_square_weight_takes_the_layout_of_the_others():
    net = Net(w1=np.ones((3, 3)), w2=np.ones((2, 3)))  # w2 is clearly (out, in): so is the square w1
    names, _ = found(net)
    assert names == {"W1": "w1.T", "W2": "w2.T"}


def test_given_locations_win_and_fill_the_rest():
    net = Net(first=np.ones((3, 4)), W2=np.ones((4, 2)))
    assert found(net, {"W1": Location("first")})[0] == {"W1": "first", "W2": "W2"}


@pytest.mark.parametrize("given,words", [
    ({"W1": Location("missing")}, ["--param missing=W1", "no such value"]),
    ({"W1": Location("W1")}, ["W1 has shape (4, 3)", "use W1=W1.T"]),
])
def test_a_given_location_that_does_not_fit_is_one_clear_line(given, words):
    net = Net(W1=np.ones((4, 3)), W2=np.ones((4, 2)))
    with pytest.raises(InputError) as error:
        discover(net, X, Y, given)
    for word in words:
        assert word in str(error.value)


def test_no_chain_names_what_was_seen():
    with pytest.raises(InputError, match=r"no weights whose shapes chain.*odd \(5, 5\)"):
        discover(Net(odd=np.ones((5, 5))), X, Y, {})


def test_locations_read_and_write_in_the_users_layout_and_shape():
    net = Net(w=[np.zeros((2, 3))], b=np.zeros((1, 2)))
    weight, _ = parse_location("w[0]=W1.T")
    bias, _ = parse_location("self.b=b1")
    weight.write(net, np.arange(6.0).reshape(3, 2), (2, 3))
    bias.write(net, np.array([7.0, 8.0]), (1, 2))
    assert net.w[0].shape == (2, 3) and np.array_equal(weight.read(net), np.arange(6.0).reshape(3, 2))
    assert net.b.shape == (1, 2) and np.array_equal(net.b, [[7.0, 8.0]])


def test_an_array_the_family_has_no_place_for_is_refused_unless_it_is_a_copy_or_every_parameter_is_named():
    W2 = np.arange(16.0).reshape(4, 4)
    gamma = Net(W1=np.ones((3, 4)), W2=W2, W3=np.ones((4, 2)), gamma=np.ones((4, 4)) * 3)
    with pytest.raises(InputError, match="no place for .*gamma"):
        found(gamma)
    cached = Net(W1=np.ones((3, 4)), W2=W2, W3=np.ones((4, 2)), W2T=W2.T.copy())  # a transpose kept beside its weight
    assert found(cached)[0] == {"W1": "W1", "W2": "W2", "W3": "W3"}
    named = {name: Location(name) for name in ("W1", "W2", "W3")}
    assert found(gamma, named)[0] == {"W1": "W1", "W2": "W2", "W3": "W3"}
