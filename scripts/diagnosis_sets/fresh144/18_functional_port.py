"""unet2d_numpy.py ported with plain parameters and torch.nn.functional.

The eight tensors live in an nn.ParameterDict under the NumPy names; the
forward calls F.conv2d, F.avg_pool2d, F.conv_transpose2d and torch.cat; the
BCE is written out from the logits as softplus(z) - y z, averaged over every
pixel. torch.optim.Adam(lr=0.01).
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class UNetF(nn.Module):
    def __init__(self):
        super().__init__()
        shapes = {"Ke": (4, 1, 3, 3), "be": (4,), "Km": (8, 4, 3, 3), "bm": (8,),
                  "Wu": (8, 4, 2, 2), "bu": (4,), "Wh": (1, 8, 1, 1), "bh": (1,)}
        self.params = nn.ParameterDict({k: nn.Parameter(torch.zeros(s)) for k, s in shapes.items()})

    def forward(self, x):
        p = self.params
        e1 = torch.relu(F.conv2d(x, p["Ke"], p["be"], padding=1))
        e2 = torch.relu(F.conv2d(F.avg_pool2d(e1, kernel_size=2, stride=2), p["Km"], p["bm"], padding=1))
        u = F.conv_transpose2d(e2, p["Wu"], p["bu"], stride=2)
        return F.conv2d(torch.cat((u, e1), 1), p["Wh"], p["bh"])


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def train_step(model, optimizer, X, y):
    z = model(X)
    loss = (F.softplus(z) - y * z).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
