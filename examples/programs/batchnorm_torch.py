"""PyTorch port of batchnorm_numpy.py: Linear -> BatchNorm1d -> ReLU -> Linear -> Sigmoid, BCE.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight  (16, 4)   = W1.T
    fc1.bias    (16,)     = b1
    bn.weight   (16,)     = gamma
    bn.bias     (16,)     = beta
    fc2.weight  (1, 16)   = W2.T
    fc2.bias    (1,)      = b2
Buffers (model.named_buffers()): bn.running_mean = running_mean,
bn.running_var = running_var, bn.num_batches_tracked (no NumPy counterpart;
it equals the number of training-mode forward passes).

The model ends in nn.Sigmoid and is trained with nn.BCELoss, like the NumPy
program, which returns probabilities. Plain torch.optim.SGD.
"""

import os

import numpy as np
import torch
import torch.nn as nn


class BatchNormNet(nn.Module):
    def __init__(self, n_in=4, hidden=16, n_out=1, eps=1e-5, bn_momentum=0.1, seed=None):
        super().__init__()
        if seed is not None:
            torch.manual_seed(seed)
        self.fc1 = nn.Linear(n_in, hidden)
        self.bn = nn.BatchNorm1d(hidden, eps=eps, momentum=bn_momentum)
        self.fc2 = nn.Linear(hidden, n_out)

    def forward(self, X):
        h = torch.relu(self.bn(self.fc1(X)))
        return torch.sigmoid(self.fc2(h))   # probabilities


criterion = nn.BCELoss()


def make_optimizer(model, lr=0.1):
    return torch.optim.SGD(model.parameters(), lr=lr)


def train_step(model, optimizer, X, y, scheduler=None):
    model.train()
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "batchnorm.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = BatchNormNet(seed=0)
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0 or step == 199:
            print(f"step {step:4d}  loss {loss:.4f}")
    model.eval()
    with torch.no_grad():
        print("eval accuracy", ((model(X) > 0.5) == (y > 0.5)).float().mean().item())
