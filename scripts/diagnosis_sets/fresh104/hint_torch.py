"""HintStudent in PyTorch: nn.Linear layers for the student and for the hint adapter; F.mse_loss
against the true targets and the teacher's outputs, and the adapter's hint term with a weight
fading linearly over the steps (a step counter kept on the model); clip_grad_norm_ on all
parameters, then AdamW with weight decay in a parameter group of the weights only."""

import torch
import torch.nn.functional as F
from torch import nn

D, HIDDEN, HINT, OUT = 8, 5, 6, 2
BETA, GAMMA, FADE = 0.5, 1.0, 12
LR, WD, MAX_NORM = 0.02, 0.05, 0.5


class HintStudent(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(D, HIDDEN)
        self.out = nn.Linear(HIDDEN, OUT)
        self.adapter = nn.Linear(HIDDEN, HINT)
        self.steps_done = 0

    def forward(self, x):
        z = self.hidden(x)
        h = torch.tanh(z)
        return self.out(h), self.adapter(h)


def make_optimizer(model):
    weights = [model.hidden.weight, model.out.weight, model.adapter.weight]
    biases = [model.hidden.bias, model.out.bias, model.adapter.bias]
    return torch.optim.AdamW([{"params": weights, "weight_decay": WD},
                              {"params": biases, "weight_decay": 0.0}], lr=LR)


def hint_weight(step):
    return GAMMA * max(0.0, 1.0 - (step - 1) / FADE)


def train_step(model, optimizer, X, y):
    x, t_hint, t_out = X[:, :D], X[:, D:D + HINT], X[:, D + HINT:]
    model.steps_done += 1
    gamma = hint_weight(model.steps_done)
    optimizer.zero_grad()
    out, r = model(x)
    loss = ((1.0 - BETA) * F.mse_loss(out, y) + BETA * F.mse_loss(out, t_out)
            + gamma * F.mse_loss(r, t_hint))
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_NORM)
    optimizer.step()
    return loss.item()
