"""Another port of unet_numpy.py: the convolutions in an nn.ModuleList, upsampling by
repeat_interleave, the BCE written out with softplus and the Dice with einsum."""

import torch
import torch.nn as nn
import torch.nn.functional as F


class UNet1D(nn.Module):
    def __init__(self):
        super().__init__()
        spec = [(2, 6, 3, 1, 1), (6, 8, 2, 2, 0), (8, 8, 3, 1, 1), (14, 6, 3, 1, 1), (6, 1, 1, 1, 0)]
        self.convs = nn.ModuleList(nn.Conv1d(ci, co, k, stride=s, padding=p) for ci, co, k, s, p in spec)

    def forward(self, x):
        enc, down, mid, dec, head = self.convs
        skip = enc(x).relu()
        x = mid(down(skip).relu()).relu()
        x = x.repeat_interleave(2, dim=-1)
        x = dec(torch.cat((x, skip), 1)).relu()
        return head(x)


def loss_fn(z, y):
    p = torch.sigmoid(z)
    num = 2 * torch.einsum("ncl,ncl->n", p, y) + 1
    den = p.flatten(1).sum(1) + y.flatten(1).sum(1) + 1
    bce = (F.softplus(z) - y * z).mean()
    return 1 - (num / den).mean() + bce


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad(set_to_none=True)
    loss = loss_fn(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
