"""PyTorch port of seg_numpy.py: a tiny fully-convolutional segmenter, focal + Dice loss.

nn.Conv2d(1, 4, 3, padding=1) -> ReLU -> nn.Conv2d(4, 1, 1): one logit per pixel.
The loss is the sigmoid focal loss (written as torchvision.ops.sigmoid_focal_loss
writes it, alpha 0.25, gamma 2, mean) plus the soft Dice loss per image, averaged.
torch.optim.SGD(lr=0.5, momentum=0.9).

Parameters (model.named_parameters()), with the NumPy names they correspond to:
    conv1.weight (4, 1, 3, 3) = K.transpose(3, 2, 0, 1)  (back: conv1.weight.permute(2, 3, 1, 0))
    conv1.bias   (4,)         = bK
    conv2.weight (1, 4, 1, 1) = W (4, 1), the same entries (conv2.weight.reshape(4, 1))
    conv2.bias   (1,)         = b
"""

import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class SegNet(nn.Module):
    def __init__(self, filters=4):
        super().__init__()
        self.conv1 = nn.Conv2d(1, filters, 3, padding=1)
        self.conv2 = nn.Conv2d(filters, 1, 1)

    def forward(self, X):
        return self.conv2(F.relu(self.conv1(X)))   # logits (N, 1, H, W)


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2.0):
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
    loss = alpha_t * loss
    return loss.mean()


def dice_loss(inputs, targets):
    p = torch.sigmoid(inputs)
    dims = (1, 2, 3)   # per image
    numerator = 2 * (p * targets).sum(dim=dims)
    denominator = p.sum(dim=dims) + targets.sum(dim=dims)
    return (1 - (numerator + 1) / (denominator + 1)).mean()


def make_optimizer(model, lr=0.5, momentum=0.9):
    return torch.optim.SGD(model.parameters(), lr=lr, momentum=momentum)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    logits = model(X)
    loss = sigmoid_focal_loss(logits, y) + dice_loss(logits, y)
    loss.backward()
    optimizer.step()
    return loss.item()


if __name__ == "__main__":
    data = np.load(os.path.join(os.path.dirname(os.path.abspath(__file__)), "seg.npz"))
    X = torch.from_numpy(data["X"]).float()
    y = torch.from_numpy(data["y"]).float()
    model = SegNet()
    optimizer = make_optimizer(model)
    for step in range(300):
        loss = train_step(model, optimizer, X, y)
        if step % 50 == 0 or step == 299:
            print(f"step {step:4d}  loss {loss:.4f}")
