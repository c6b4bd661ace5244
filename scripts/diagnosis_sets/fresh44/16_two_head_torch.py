"""TwoHeadNet in PyTorch: trunk, regression head and classification head, the weighted sum
W_REG * MSE + W_CLS * CE; SGD."""

import torch
import torch.nn.functional as F
from torch import nn

LR = 0.1
W_REG, W_CLS = 0.3, 1.0


class TwoHeadNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.trunk = nn.Linear(4, 8)
        self.reg_head = nn.Linear(8, 1)
        self.cls_head = nn.Linear(8, 3)

    def forward(self, x):
        h = torch.tanh(self.trunk(x))
        return self.reg_head(h), self.cls_head(h)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=LR)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    reg, logits = model(X)
    loss = W_REG * F.mse_loss(reg, y[:, :1]) + W_CLS * F.cross_entropy(logits, y[:, 1:4].argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
