"""PyTorch port of cutmix_cnn_numpy.py: CutMix on 8x8 grids with a small CNN.

nn.Conv2d(1, 4, 3) -> ReLU -> F.avg_pool2d(2) -> flatten -> nn.Linear(36, 3);
the same fixed permutation and box per step (cutmix_cnn_plan.npz), lambda
corrected to the box's area, the loss mixed: lam CE(y) + (1 - lam) CE(y_perm).
torch.optim.Adam(lr=0.01).

    conv.weight (4, 1, 3, 3) = K.transpose(3, 2, 0, 1)  (back: conv.weight.permute(2, 3, 1, 0))
    conv.bias = bK, fc.weight (3, 36) = W.T, fc.bias = b
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PLAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cutmix_cnn_plan.npz")


class CutMixCNN(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3)
        self.fc = nn.Linear(36, 3)
        plan = np.load(PLAN)
        self.perm = torch.from_numpy(plan["perm"])
        self.box = plan["box"]
        self.t = 0

    def forward(self, x):
        x = F.avg_pool2d(F.relu(self.conv(x)), 2)
        return self.fc(torch.flatten(x, 1))


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01)


def cutmix(model, X, y):
    i = model.t % len(model.perm)
    perm = model.perm[i]
    r0, r1, c0, c1 = (int(v) for v in model.box[i])
    H, W = X.shape[-2:]
    Xc = X.clone()
    Xc[:, :, r0:r1, c0:c1] = X[perm][:, :, r0:r1, c0:c1]
    lam = 1.0 - (r1 - r0) * (c1 - c0) / (H * W)
    return Xc, y[perm], lam


def train_step(model, optimizer, X, y):
    Xc, yp, lam = cutmix(model, X, y)
    optimizer.zero_grad()
    out = model(Xc)
    loss = lam * F.cross_entropy(out, y) + (1 - lam) * F.cross_entropy(out, yp)
    loss.backward()
    optimizer.step()
    model.t += 1
    return loss.item()
