"""PyTorch port of hurdle_numpy.py written another way: the hurdle part as
binary_cross_entropy_with_logits on the indicator y > 0, the truncation normaliser as
log1p(-exp(-lambda)), the mean as a sum over n, another class name."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class HurdleCountModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 6)
        self.out = nn.Linear(6, 2)

    def forward(self, X):
        return self.out(F.relu(self.fc1(X)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9, nesterov=True, dampening=0.0)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    o = model(X)
    z, eta = o[:, 0], o[:, 1]
    pos = (y > 0).to(o.dtype)
    n = y.shape[0]
    hurdle = F.binary_cross_entropy_with_logits(z, pos, reduction="sum")
    lam = F.softplus(eta)
    ztp = y * torch.log(lam) - lam - torch.lgamma(y + 1) - torch.log1p(-torch.exp(-lam))
    loss = (hurdle - (pos * ztp).sum()) / n
    loss.backward()
    optimizer.step()
    return loss
