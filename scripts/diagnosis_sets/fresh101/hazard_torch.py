"""DiscreteHazardNet in PyTorch: nn.Linear -> ReLU -> nn.Linear giving one hazard logit per
interval; the survival likelihood as F.binary_cross_entropy_with_logits(reduction="none") masked to
the intervals each row was at risk in, summed and divided by the rows; clip_grad_norm_ and
torch.optim.SGD(momentum=0.9, weight_decay=WD)."""

import torch
import torch.nn.functional as F
from torch import nn

N_FEAT, HIDDEN, J = 6, 10, 5
LR, MOMENTUM, WD, MAX_NORM = 0.1, 0.9, 5e-4, 0.5


class DiscreteHazardNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(N_FEAT, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, J)

    def forward(self, X):
        return self.fc2(torch.relu(self.fc1(X)))


def hazard_nll(logits, y):
    k = y[:, 0].long()
    event = y[:, 1]
    cols = torch.arange(J, device=logits.device)
    at_risk = (cols.unsqueeze(0) <= k.unsqueeze(1)).to(logits.dtype)
    target = (cols.unsqueeze(0) == k.unsqueeze(1)).to(logits.dtype) * event.unsqueeze(1)
    bce = F.binary_cross_entropy_with_logits(logits, target, reduction="none")
    return (bce * at_risk).sum() / logits.shape[0]


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WD)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = hazard_nll(model(X), y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
