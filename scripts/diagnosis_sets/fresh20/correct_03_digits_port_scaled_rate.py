"""Port of the digits classifier whose NumPy original summed the cross-entropy over each batch of
12 images. The port keeps PyTorch's habit of a mean loss (F.cross_entropy on the one-hot rows as
class probabilities) and multiplies the learning rate by the batch size instead: heavy-ball SGD on
the mean at lr * 12 takes the same steps as on the sum at lr. nn.Flatten leads the stack so that
image-shaped batches work too."""

import torch
import torch.nn.functional as F
from torch import nn

BATCH_SIZE = 12


class Net(nn.Module):
    def __init__(self, n_pixels=16, hidden=10, n_classes=4):
        super().__init__()
        self.stack = nn.Sequential(nn.Flatten(), nn.Linear(n_pixels, hidden), nn.ReLU(), nn.Linear(hidden, n_classes))

    def forward(self, x):
        return self.stack(x)


def make_optimizer(model, lr):
    return torch.optim.SGD(model.parameters(), lr=lr * BATCH_SIZE, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
