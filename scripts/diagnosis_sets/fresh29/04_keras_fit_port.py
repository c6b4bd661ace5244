"""Keras model ported to PyTorch with a small fit() helper so that the training script keeps its
Keras shape:

    model = keras.Sequential([layers.Dense(8, activation="relu"), layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="sgd", loss="binary_crossentropy")
    model.fit(X, y, epochs=1)          # called once per training step

fit() mirrors Keras's signature and defaults; each call runs the given number of epochs over
mini-batches, with the optimizer the training script passes in."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, n_hidden=8):
        super().__init__()
        self.model = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 1), nn.Sigmoid())
        self.loss_fn = nn.BCELoss()

    def forward(self, x):
        return self.model(x)


def fit(model, optimizer, x, y, batch_size=32, epochs=1):   # fix: def fit(model, optimizer, x, y, batch_size=None, epochs=1):
    batch_size = batch_size or len(x)
    history = []
    for _ in range(epochs):
        losses = []
        for start in range(0, len(x), batch_size):
            xb, yb = x[start:start + batch_size], y[start:start + batch_size]
            optimizer.zero_grad()
            loss = model.loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
            losses.append(loss.item() * len(xb))
        history.append(sum(losses) / len(x))
    return history


def train_step(model, optimizer, X, y):
    return fit(model, optimizer, X, y, epochs=1)[-1]
