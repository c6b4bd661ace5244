"""Another port of lookahead_numpy.py: plain torch.optim.SGD(lr=0.05, momentum=0.9) as the
optimizer, and the Lookahead synchronisation (k=5, alpha=0.5) written in the training
step with Tensor.lerp_, the slow weights kept on the model in a plain dict.

    fc1.weight (10, 4) = W1.T   fc1.bias (10,) = b1
    fc2.weight (2, 10) = W2.T   fc2.bias (2,)  = b2
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

K = 5
ALPHA = 0.5


class LookaheadNet(nn.Module):
    def __init__(self, n_in=4, hidden=10, n_out=2):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_out)
        self.slow_weights = None
        self.inner_steps = 0

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)


def train_step(model, optimizer, X, y):
    if model.slow_weights is None:
        model.slow_weights = [p.detach().clone() for p in model.parameters()]
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    model.inner_steps += 1
    if model.inner_steps % K == 0:
        with torch.no_grad():
            for slow, fast in zip(model.slow_weights, model.parameters()):
                slow.lerp_(fast, ALPHA)
                fast.copy_(slow)
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "lookahead.npz"))
    X, y = torch.from_numpy(data["X"]).float(), torch.from_numpy(data["y"]).float()
    model = LookaheadNet()
    optimizer = make_optimizer(model)
    for step in range(200):
        loss = train_step(model, optimizer, X, y)
        if step % 20 == 0:
            print(f"step {step:4d}  loss {loss:.4f}")
