"""DenseMoE port written with one module per expert: an nn.ModuleList of
nn.Sequential(nn.Linear, nn.Tanh, nn.Linear) experts, each expert's logits stacked with
torch.stack(dim=1) and mixed by the softmax gate with a broadcast product summed over the experts;
the cross-entropy written as -(y * log_softmax).sum(1).mean() and the squared coefficient of
variation as the mean squared deviation of the gate mass over its squared mean; RMSprop.
Paired with the NumPy program's stacked arrays one expert slice at a time."""

import torch
import torch.nn.functional as F
from torch import nn

D, E, H, K = 8, 3, 6, 4
LR, RHO, EPS, ALPHA = 0.005, 0.9, 1e-8, 0.1


class ExpertsMoE(nn.Module):
    def __init__(self):
        super().__init__()
        self.experts = nn.ModuleList(
            [nn.Sequential(nn.Linear(D, H), nn.Tanh(), nn.Linear(H, K)) for _ in range(E)])
        self.router = nn.Linear(D, E)

    def forward(self, X):
        outs = torch.stack([expert(X) for expert in self.experts], dim=1)
        gate = F.softmax(self.router(X), dim=-1)
        return (gate.unsqueeze(-1) * outs).sum(dim=1), gate


def make_optimizer(model):
    return torch.optim.RMSprop(model.parameters(), lr=LR, alpha=RHO, eps=EPS)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits, gate = model(X)
    ce = -(y * F.log_softmax(logits, dim=1)).sum(dim=1).mean()
    mass = gate.sum(dim=0)
    cv2 = ((mass - mass.mean()) ** 2).mean() / mass.mean() ** 2
    loss = ce + ALPHA * cv2
    loss.backward()
    optimizer.step()
    return loss.item()
