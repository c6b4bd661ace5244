"""seg_torch.py written another way: the 1x1 convolution as an nn.Linear applied to
channels-last features, the focal loss through F.logsigmoid, the Dice loss on
flattened maps, and torch.optim.SGD(momentum=0.9).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    conv.weight (4, 1, 3, 3) = K.transpose(3, 2, 0, 1)  (back: conv.weight.permute(2, 3, 1, 0))
    conv.bias   (4,)         = bK
    head.weight (1, 4)       = W.T
    head.bias   (1,)         = b
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SegNet(nn.Module):
    def __init__(self, filters=4):
        super().__init__()
        self.conv = nn.Conv2d(1, filters, kernel_size=3, stride=1, padding=1)
        self.head = nn.Linear(filters, 1)

    def forward(self, X):
        feats = F.relu(self.conv(X))                  # (N, C, H, W)
        out = self.head(feats.permute(0, 2, 3, 1))    # (N, H, W, 1)
        return out.permute(0, 3, 1, 2)                # (N, 1, H, W)


def focal_loss(logits, t, alpha=0.25, gamma=2.0):
    log_p = F.logsigmoid(logits)
    log_1mp = F.logsigmoid(-logits)
    ce = -(t * log_p + (1 - t) * log_1mp)
    p = log_p.exp()
    one_minus_pt = t * (1 - p) + (1 - t) * p
    weight = torch.where(t > 0.5, torch.full_like(t, alpha), torch.full_like(t, 1 - alpha))
    return (weight * one_minus_pt.pow(gamma) * ce).mean()


def dice_loss(logits, t, smooth=1.0):
    p = torch.sigmoid(logits).flatten(1)
    t = t.flatten(1)
    dice = (2 * (p * t).sum(1) + smooth) / (p.sum(1) + t.sum(1) + smooth)
    return 1 - dice.mean()


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.5, momentum=0.9)


def train_step(model, optimizer, X, y):
    logits = model(X)
    loss = focal_loss(logits, y) + dice_loss(logits, y)
    optimizer.zero_grad(set_to_none=True)
    loss.backward()
    optimizer.step()
    return loss.item()
