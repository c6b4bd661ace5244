"""Port of a ReLU / softmax classifier whose forward returns logits for F.cross_entropy;
the ReLU line of the hidden layer was copied onto the output layer too, so the logits are
rectified (negative logits become 0) before the softmax."""

from torch import nn
import torch.nn.functional as F


class Classifier(nn.Module):
    def __init__(self, n_in=5, n_hidden=7, n_classes=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_classes)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))   # BUG: no ReLU on the output logits
        return x


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
