"""Port of a 3-class classifier with two ReLU hidden layers of the same width (8), softmax
cross-entropy, heavy-ball momentum. Writing forward, the author added a skip connection
around the second hidden layer out of ResNet habit, h2 = relu(fc2(h1)) + h1; the NumPy
network has no such connection."""

import torch.nn.functional as F
from torch import nn


class Classifier(nn.Module):
    def __init__(self, n_in=5, width=8, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, width)
        self.fc2 = nn.Linear(width, width)
        self.fc3 = nn.Linear(width, n_classes)

    def forward(self, x):
        h1 = F.relu(self.fc1(x))
        h2 = F.relu(self.fc2(h1)) + h1   # BUG: no skip connection: h2 = F.relu(self.fc2(h1))
        return self.fc3(h2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return float(loss)
