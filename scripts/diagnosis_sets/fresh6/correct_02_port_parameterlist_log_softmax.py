"""Correct port in an unusual style: raw (in, out) weights and biases in two
nn.ParameterLists, a sigmoid hidden layer, forward returning log-probabilities
(F.log_softmax) with the loss F.cross_entropy applied on top of them (log_softmax of
log-probabilities changes nothing), and a hand-written Nesterov optimizer in the cs231n
form v_prev = v; v = mu v - lr g; p += -mu v_prev + (1 + mu) v, which is torch's
SGD(momentum=mu, nesterov=True) for a constant learning rate."""

import torch
import torch.nn.functional as F
from torch import nn


class RawNet(nn.Module):
    def __init__(self, sizes=(4, 6, 3)):
        super().__init__()
        self.weights = nn.ParameterList(nn.Parameter(0.5 * torch.randn(a, b)) for a, b in zip(sizes, sizes[1:]))
        self.biases = nn.ParameterList(nn.Parameter(torch.zeros(b)) for b in sizes[1:])

    def forward(self, x):
        h = torch.sigmoid(x @ self.weights[0] + self.biases[0])
        return F.log_softmax(h @ self.weights[1] + self.biases[1], dim=1)


class SutskeverNesterov(torch.optim.Optimizer):
    def __init__(self, params, lr, momentum=0.9):
        super().__init__(params, dict(lr=lr, momentum=momentum))

    @torch.no_grad()
    def step(self):
        for group in self.param_groups:
            lr, mu = group["lr"], group["momentum"]
            for p in group["params"]:
                if p.grad is None:
                    continue
                state = self.state[p]
                v_prev = state.get("step_vel", torch.zeros_like(p))
                v = mu * v_prev - lr * p.grad
                state["step_vel"] = v
                p.add_(-mu * v_prev + (1 + mu) * v)


def make_optimizer(model, lr):
    return SutskeverNesterov(model.parameters(), lr=lr, momentum=0.9)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.cross_entropy(model(X), y.argmax(dim=1))
    loss.backward()
    optimizer.step()
    return loss.item()
