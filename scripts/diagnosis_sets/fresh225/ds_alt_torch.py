"""Another PyTorch port of ds_numpy.py, built from functional ops.

The depthwise kernel is a plain (4, 5) nn.Parameter applied through Tensor.unfold on the
zero-padded sequence; the pointwise conv is an nn.Linear over the channel axis (channels
moved last); F.group_norm with the module's own affine parameters; mean pooling;
log_softmax + nll_loss; Adam on two parameter groups with the same settings.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SeparableClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.dw = nn.Parameter(torch.randn(4, 5) * 0.4)
        self.dw_bias = nn.Parameter(torch.zeros(4))
        self.point = nn.Linear(4, 8)
        self.norm_weight = nn.Parameter(torch.ones(8))
        self.norm_bias = nn.Parameter(torch.zeros(8))
        self.classifier = nn.Linear(8, 3)

    def forward(self, x):
        windows = F.pad(x, (2, 2)).unfold(2, 5, 1)              # (N, 4, 16, 5)
        h = (windows * self.dw[None, :, None, :]).sum(-1) + self.dw_bias[:, None]
        z = self.point(h.transpose(1, 2)).transpose(1, 2)      # (N, 8, 16)
        z = F.group_norm(z, 2, self.norm_weight, self.norm_bias, eps=1e-5)
        pooled = torch.relu(z).mean(-1)
        return self.classifier(pooled)


def make_optimizer(model):
    convs = [model.dw, model.dw_bias, *model.point.parameters()]
    rest = [model.norm_weight, model.norm_bias, *model.classifier.parameters()]
    return torch.optim.Adam([{"params": convs}, {"params": rest}], lr=0.01)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.nll_loss(F.log_softmax(model(X), dim=1), y)
    loss.backward()
    optimizer.step()
    return loss.item()
