"""The grid head ported another way: raw nn.Parameters kept (in, out) and applied with torch.einsum
over the cells, the responsible cell's five outputs taken with torch.gather and its target with
F.one_hot, the Huber loss written as DELTA * F.smooth_l1_loss(beta=DELTA), the weighted objectness
cross-entropy with F.logsigmoid, Adam(foreach=False) and zero_grad(set_to_none=True)."""

import torch
import torch.nn.functional as F
from torch import nn

S, C, HIDDEN = 3, 4, 8
DELTA, BOX_W, NOOBJ = 0.5, 5.0, 0.5
LR = 0.02
LOG_PRIOR = torch.log(torch.tensor([0.3, 0.3]))


class EinsumGridHead(nn.Module):
    def __init__(self):
        super().__init__()
        self.w_cell = nn.Parameter(torch.randn(C, HIDDEN) * 0.5)
        self.b_cell = nn.Parameter(torch.zeros(HIDDEN))
        self.w_out = nn.Parameter(torch.randn(HIDDEN, 5) * 0.35)
        self.b_out = nn.Parameter(torch.zeros(5))

    def forward(self, X):
        cells = X.reshape(-1, S, S, C).flatten(1, 2)
        hidden = torch.tanh(torch.einsum("nkc,ch->nkh", cells, self.w_cell) + self.b_cell)
        return torch.einsum("nkh,ho->nko", hidden, self.w_out) + self.b_out


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=LR, foreach=False)


def train_step(model, optimizer, X, y):
    n = X.shape[0]
    grid_xy = (y[:, :2] * S).floor().clamp(0, S - 1)
    cell = (grid_xy[:, 1] * S + grid_xy[:, 0]).long()
    target_box = torch.cat([y[:, :2] * S - grid_xy, torch.log(y[:, 2:]) - LOG_PRIOR.to(y.dtype)], dim=1)

    optimizer.zero_grad(set_to_none=True)
    out = model(X)
    chosen = out.gather(1, cell.view(n, 1, 1).expand(n, 1, 5)).squeeze(1)[:, 1:]
    pred_box = torch.cat([chosen[:, :2].sigmoid(), chosen[:, 2:]], dim=1)
    box_loss = DELTA * F.smooth_l1_loss(pred_box, target_box, beta=DELTA, reduction="sum") / n

    onehot = F.one_hot(cell, S * S).to(out.dtype)
    logits = out[..., 0]
    weight = NOOBJ + (1.0 - NOOBJ) * onehot
    nll = -(onehot * F.logsigmoid(logits) + (1.0 - onehot) * F.logsigmoid(-logits))
    obj_loss = (weight * nll).sum() / n
    loss = BOX_W * box_loss + obj_loss
    loss.backward()
    optimizer.step()
    return loss.item()
