"""Port of a sigmoid / softmax classifier (4 -> 7 -> 3, mean cross-entropy, Nesterov momentum,
mini-batches of 12). The categorical cross-entropy was written from the binary formula summed
over the classes, -sum_k [y_k log p_k + (1 - y_k) log(1 - p_k)], on the softmax
probabilities: the extra (1 - y_k) log(1 - p_k) terms of the non-target classes are not part of
the cross-entropy -sum_k y_k log p_k (with two classes they would cancel, with three they do
not)."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=4, width=7, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, n_out)

    def forward(self, x):
        return torch.softmax(self.fc2(torch.sigmoid(self.fc1(x))), dim=1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    p = model(X)
    per_class = y * torch.log(p) + (1 - y) * torch.log(1 - p)   # BUG: the categorical cross-entropy has only the target term: y * torch.log(p)
    loss = -per_class.sum(dim=1).mean()
    loss.backward()
    optimizer.step()
    return loss.item()
