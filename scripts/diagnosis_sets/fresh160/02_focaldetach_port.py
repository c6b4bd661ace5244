"""PyTorch port of focal_numpy.py: MLP 6 -> 24 (ELU) -> 3, focal loss (gamma 2) built on
F.cross_entropy(reduction='none'), torch.optim.Adadelta(lr=1.0, rho=0.95, eps=1e-6)."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class FocalMLP(nn.Module):
    def __init__(self, n_in=6, n_hidden=24, n_out=3):
        super().__init__()
        self.fc1 = nn.Linear(n_in, n_hidden)
        self.fc2 = nn.Linear(n_hidden, n_out)

    def forward(self, x):
        return self.fc2(F.elu(self.fc1(x)))


def focal_loss(logits, target, gamma=2.0):
    ce = F.cross_entropy(logits, target, reduction="none")
    pt = torch.exp(-ce)
    weight = (1 - pt.detach()) ** gamma     # modulating factor as a constant weight
    return (weight * ce).mean()


def make_optimizer(model):
    return torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-6)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = focal_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
