"""DANN regression port with the reversal as a torch.autograd.Function and the
domain loss on logits (F.binary_cross_entropy_with_logits), equivalent to
dann_reg_torch.py's detach trick and sigmoid + F.binary_cross_entropy.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class ReverseGrad(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x, lambd):
        ctx.lambd = lambd
        return x.clone()

    @staticmethod
    def backward(ctx, grad_output):
        return grad_output.neg() * ctx.lambd, None


class DANNRegressor(nn.Module):
    def __init__(self, n_in=3, hidden=5, dom_hidden=5, lambd=0.3):
        super().__init__()
        self.n_in = n_in
        self.lambd = lambd
        self.fc1 = nn.Linear(n_in, hidden)
        self.reg = nn.Linear(hidden, 1)
        self.dom1 = nn.Linear(hidden, dom_hidden)
        self.dom2 = nn.Linear(dom_hidden, 1)

    def forward(self, X):
        f = torch.tanh(self.fc1(X[:, :self.n_in]))
        dom_logit = self.dom2(F.relu(self.dom1(ReverseGrad.apply(f, self.lambd))))
        return self.reg(f), dom_logit


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=0.01, betas=(0.9, 0.999), eps=1e-8)


def train_step(model, optimizer, X, y):
    src = X[:, model.n_in] > 0.5
    d = (~src).to(X.dtype).unsqueeze(1)
    optimizer.zero_grad()
    yhat, dom_logit = model(X)
    loss = F.mse_loss(yhat[src], y[src]) + F.binary_cross_entropy_with_logits(dom_logit, d)
    loss.backward()
    optimizer.step()
    return loss
