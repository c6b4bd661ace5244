"""PyTorch port of the tanh regressor (4 -> 9 -> 2, linear output, half mean squared error).
The loss is reduced in float64 (our habit for long sums) and cast back by autograd; the update
is a hand-written SGD step over all parameters with torch._foreach_add_; each step ends with a
quick evaluation in eval mode, the model put back in training mode at the next step."""

import torch
import torch.nn.functional as F
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 9)
        self.fc2 = nn.Linear(9, 2)

    def forward(self, x):
        return self.fc2(torch.tanh(self.fc1(x)))


def train_step(model, optimizer, X, y):
    model.train()
    params = list(model.parameters())
    for p in params:
        p.grad = None
    out = model(X)
    loss = 0.5 * F.mse_loss(out.double(), y.double())
    loss.backward()
    with torch.no_grad():
        torch._foreach_add_(params, [p.grad for p in params], alpha=-optimizer.param_groups[0]["lr"])
    model.eval()
    with torch.no_grad():
        model.last_eval = F.mse_loss(model(X), y).item()
    return loss.item()
