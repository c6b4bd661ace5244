"""PyTorch port of the sigmoid binary classifier (6 -> 7 -> 1): forward returns the logit, the
mean binary cross-entropy is written with F.logsigmoid, and the gradient step is taken on one
flat parameter vector (parameters_to_vector / vector_to_parameters), the way our second-order
experiments handle parameters. The optimizer passed in only supplies the learning rate."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.nn.utils import parameters_to_vector, vector_to_parameters


class Net(nn.Module):
    def __init__(self, n_in=6, n_hidden=7):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(n_in, n_hidden), nn.Sigmoid(), nn.Linear(n_hidden, 1))

    def forward(self, x):
        return self.layers(x)


def train_step(model, optimizer, X, y):
    lr = optimizer.param_groups[0]["lr"]
    model.zero_grad()
    z = model(X)
    loss = -(y * F.logsigmoid(z) + (1 - y) * F.logsigmoid(-z)).mean()
    loss.backward()
    with torch.no_grad():
        theta = parameters_to_vector(model.parameters())
        grad = parameters_to_vector([p.grad for p in model.parameters()])
        vector_to_parameters(theta - lr * grad, model.parameters())
    return loss.item()
