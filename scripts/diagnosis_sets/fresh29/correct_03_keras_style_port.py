"""Correct: a Keras-style wrapper in PyTorch. The model subclass has compile() and
train_on_batch() like keras.Model: compile(optimizer, loss) stores them, train_on_batch() does one
step and returns the loss. The loss is keras.losses.BinaryCrossentropy(from_logits=True), mapped
to nn.BCEWithLogitsLoss (the model returns the logit); the Keras SGD(momentum=0.9) maps to
torch.optim.SGD(momentum=0.9) (the same heavy ball at a constant rate). Two hidden tanh layers
built in a loop with add_module."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, sizes=(4, 8, 6, 1)):
        super().__init__()
        for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
            self.add_module(f"dense_{i}", nn.Linear(a, b))
        self.depth = len(sizes) - 1
        self.optimizer = self.loss = None

    def forward(self, x):
        for i in range(self.depth):
            x = getattr(self, f"dense_{i}")(x)
            if i < self.depth - 1:
                x = torch.tanh(x)
        return x

    def compile(self, optimizer, loss):
        self.optimizer, self.loss = optimizer, loss

    def train_on_batch(self, x, y):
        self.optimizer.zero_grad(set_to_none=True)
        loss = self.loss(self(x), y)
        loss.backward()
        self.optimizer.step()
        return float(loss)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    if model.optimizer is not optimizer:
        model.compile(optimizer=optimizer, loss=nn.BCEWithLogitsLoss())
    return model.train_on_batch(X, y)
