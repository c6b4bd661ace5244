"""A network of neuron dictionaries trained one row at a time, after Jason Brownlee's "How to Code
a Neural Network with Backpropagation In Python (from scratch)": each neuron keeps a list of
weights whose last entry is its bias; a row is the inputs followed by its class label.
Sigmoid hidden and output units, error output - expected (half the squared error), online SGD.

RowNetwork wraps it for the parity kit (get_params / set_params / step)."""

from math import exp

import numpy as np


def activate(weights, inputs):
    activation = weights[-1]
    for i in range(len(weights) - 1):
        activation += weights[i] * inputs[i]
    return activation


def transfer(activation):
    return 1.0 / (1.0 + exp(-activation))


def forward_propagate(network, row):
    inputs = row
    for layer in network:
        new_inputs = []
        for neuron in layer:
            neuron["output"] = transfer(activate(neuron["weights"], inputs))
            new_inputs.append(neuron["output"])
        inputs = new_inputs
    return inputs


def transfer_derivative(output):
    return output * (1.0 - output)


def backward_propagate_error(network, expected):
    for i in reversed(range(len(network))):
        layer = network[i]
        errors = []
        if i != len(network) - 1:
            for j in range(len(layer)):
                error = 0.0
                for neuron in network[i + 1]:
                    error += neuron["weights"][j] * neuron["delta"]
                errors.append(error)
        else:
            for j in range(len(layer)):
                errors.append(layer[j]["output"] - expected[j])
        for j in range(len(layer)):
            layer[j]["delta"] = errors[j] * transfer_derivative(layer[j]["output"])


def update_weights(network, row, l_rate):
    for i in range(len(network)):
        inputs = row   # BUG: inputs = row[:-1]
        if i != 0:
            inputs = [neuron["output"] for neuron in network[i - 1]]
        for neuron in network[i]:
            for j in range(len(inputs)):
                neuron["weights"][j] -= l_rate * neuron["delta"] * inputs[j]
            neuron["weights"][-1] -= l_rate * neuron["delta"]


class RowNetwork:
    def __init__(self, X, y, n_hidden=4, l_rate=0.5):
        rng = np.random.default_rng(1)
        n_inputs, n_outputs = X.shape[1], y.shape[1]
        self.network = [
            [{"weights": list(rng.uniform(0.0, 1.0, n_inputs + 1))} for _ in range(n_hidden)],
            [{"weights": list(rng.uniform(0.0, 1.0, n_hidden + 1))} for _ in range(n_outputs)],
        ]
        self.l_rate = l_rate
        self.dtype = X.dtype

    def get_params(self):
        params = {}
        for k, layer in enumerate(self.network, start=1):
            weights = np.array([neuron["weights"] for neuron in layer])   # (units, inputs + 1)
            params[f"W{k}"] = weights[:, :-1].T.astype(self.dtype)
            params[f"b{k}"] = weights[:, -1].astype(self.dtype)
        return params

    def set_params(self, params):
        self.dtype = np.asarray(params["W1"]).dtype
        for k, layer in enumerate(self.network, start=1):
            W, b = np.asarray(params[f"W{k}"]), np.asarray(params[f"b{k}"])
            for unit, neuron in enumerate(layer):
                neuron["weights"] = [float(w) for w in W[:, unit]] + [float(b[unit])]

    def step(self, X, y):
        self.dtype = X.dtype
        for features, target in zip(X, y):
            row = [float(v) for v in features] + [float(target[0])]
            forward_propagate(self.network, row)
            backward_propagate_error(self.network, [float(t) for t in target])
            update_weights(self.network, row, self.l_rate)
