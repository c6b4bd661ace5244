"""PyTorch port of dann_cls_numpy.py: DANN classifier with a gradient reversal Function.

    fc1   nn.Linear(4, 6)  = W1.T, b1   (tanh)
    cls   nn.Linear(6, 3)  = Wc.T, bc   (F.cross_entropy on the source rows)
    dom1  nn.Linear(6, 4)  = Wd1.T, bd1 (tanh), behind GradReverse
    dom2  nn.Linear(4, 1)  = Wd2.T, bd2 (F.binary_cross_entropy_with_logits, mean)
lambda = 2 / (1 + exp(-10 p)) - 1, p = step / total_steps; SGD lr 0.1 momentum 0.9.
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class GradReverse(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.view_as(x)

    @staticmethod
    def backward(ctx, grad_output):
        return -ctx.lambd * grad_output, None


class DANNClassifier(nn.Module):
    def __init__(self, n_in=4, hidden=6, dom_hidden=4, classes=3, total_steps=20):
        super().__init__()
        self.n_in = n_in
        self.fc1 = nn.Linear(n_in, hidden)
        self.cls = nn.Linear(hidden, classes)
        self.dom1 = nn.Linear(hidden, dom_hidden)
        self.dom2 = nn.Linear(dom_hidden, 1)
        self.total_steps = total_steps
        self.step = 0

    def grl_lambda(self):
        p = self.step / self.total_steps
        return 2.0 / (1.0 + math.exp(-10.0 * p)) - 1.0

    def forward(self, X, lambd=1.0):
        h = torch.tanh(self.fc1(X[:, :self.n_in]))
        logits = self.cls(h)
        r = GradReverse.apply(h, lambd)
        dom_logit = self.dom2(torch.tanh(self.dom1(r)))
        return logits, dom_logit.squeeze(1)


def make_optimizer(model):
    return torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train_step(model, optimizer, X, y):
    lambd = model.grl_lambda()
    model.step += 1
    mask = X[:, model.n_in]
    src = mask > 0.5
    d = 1.0 - mask
    optimizer.zero_grad()
    logits, dom_logit = model(X, lambd)
    loss = F.cross_entropy(logits[src], y[src]) + F.binary_cross_entropy_with_logits(dom_logit, d)
    loss.backward()
    optimizer.step()
    return loss.item()
