"""PyTorch port of 08_epoch_trainer_numpy.py: one call of train_step is one epoch over a
DataLoader of mini-batches of 16, in order, SGD at 0.5 after each."""

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

LR = 0.5
BATCH = 16


class EpochTrainer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(6, 7)
        self.fc2 = nn.Linear(7, 1)

    def forward(self, x):
        return torch.sigmoid(self.fc2(torch.sigmoid(self.fc1(x))))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    loader = DataLoader(TensorDataset(X, y), batch_size=BATCH, shuffle=False, drop_last=True)   # BUG: keep the short last batch: DataLoader(TensorDataset(X, y), batch_size=BATCH, shuffle=False)
    losses = []
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = nn.functional.binary_cross_entropy(model(xb), yb)
        loss.backward()
        optimizer.step()
        losses.append(loss.item())
    return sum(losses) / len(losses)
