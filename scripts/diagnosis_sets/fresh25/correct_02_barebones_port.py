"""Barebones PyTorch, as in the cs231n assignment's PyTorch notebook: no nn.Linear and no torch.optim,
the weights are raw tensors (kept as parameters of a module so that they can be found), the
forward pass is a function of x and the list of weights, and the SGD update is written by hand
under torch.no_grad(). Two-layer fully connected net without biases: a ReLU hidden layer, class
scores out, softmax cross-entropy."""

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

learning_rate = 0.5


def flatten(x):
    N = x.shape[0]
    return x.view(N, -1)


def two_layer_fc(x, params):
    x = flatten(x)
    w1, w2 = params
    x = F.relu(x.mm(w1))
    x = x.mm(w2)
    return x


def random_weight(shape):
    fan_in = shape[0]
    return torch.randn(shape) * np.sqrt(2.0 / fan_in)


class TwoLayerFC(nn.Module):
    def __init__(self, input_size=6, hidden_size=8, num_classes=3):
        super().__init__()
        self.w1 = nn.Parameter(random_weight((input_size, hidden_size)))
        self.w2 = nn.Parameter(random_weight((hidden_size, num_classes)))

    def forward(self, x):
        return two_layer_fc(x, [self.w1, self.w2])


def train_step(model, optimizer, X, y):
    scores = model(X)
    loss = F.cross_entropy(scores, y.argmax(dim=1))
    loss.backward()
    with torch.no_grad():
        for w in (model.w1, model.w2):
            w -= learning_rate * w.grad
            w.grad.zero_()
    return loss.item()
