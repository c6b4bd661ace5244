"""PyTorch port of prelu_numpy.py: Linear -> PReLU(16) -> Linear -> shared PReLU -> Linear -> Hardtanh -> Linear.

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    fc1.weight (16, 6) = W1.T     fc1.bias (16,) = b1     act1.weight (16,) = a1
    fc2.weight (12, 16) = W2.T    fc2.bias (12,) = b2     a2 (1,)           = a2
    fc3.weight (8, 12) = W3.T     fc3.bias (8,)  = b3
    fc4.weight (3, 8)  = W4.T     fc4.bias (3,)  = b4

The model returns logits; nn.CrossEntropyLoss (mean over the rows) applies the
log-softmax. The shared slope of the second layer is written out,
relu(z) - a2 * relu(-z), with a2 a parameter of its own. torch.optim.SGD
with momentum 0.9, lr 0.05.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class PReLUNet(nn.Module):
    def __init__(self, sizes=(6, 16, 12, 8, 3)):
        super().__init__()
        n0, n1, n2, n3, n4 = sizes
        self.fc1 = nn.Linear(n0, n1)
        self.act1 = nn.PReLU(num_parameters=n1, init=0.25)
        self.fc2 = nn.Linear(n1, n2)
        self.a2 = nn.Parameter(torch.full((1,), 0.25))
        self.fc3 = nn.Linear(n2, n3)
        self.fc4 = nn.Linear(n3, n4)

    def forward(self, X):
        h = self.act1(self.fc1(X))
        z2 = self.fc2(h)
        h = torch.relu(z2) - self.a2 * torch.relu(-z2)
        h = F.hardtanh(self.fc3(h), min_val=-1.0, max_val=1.0)
        return self.fc4(h)


criterion = nn.CrossEntropyLoss()


def make_optimizer(model, lr=0.05):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = criterion(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "prelu.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"])
    model = PReLUNet()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
