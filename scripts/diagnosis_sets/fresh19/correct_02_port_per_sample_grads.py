"""Deep ReLU softmax classifier in PyTorch (5 -> 8 -> 8 -> 8 -> 4). The training step computes
per-sample gradients with torch.func (vmap over grad of a functional call), kept for gradient
statistics, and averages them into each parameter's .grad before the optimizer's step."""

import torch
import torch.nn.functional as F
from torch import nn
from torch.func import functional_call, grad, vmap


class Net(nn.Module):
    def __init__(self, sizes=(5, 8, 8, 8, 4)):
        super().__init__()
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        for layer in self.layers[:-1]:
            x = F.relu(layer(x))
        return self.layers[-1](x)


def train_step(model, optimizer, X, y):
    params = {name: p.detach() for name, p in model.named_parameters()}
    labels = y.argmax(dim=1)

    def sample_loss(p, x, label):
        logits = functional_call(model, p, (x.unsqueeze(0),))
        return F.cross_entropy(logits, label.unsqueeze(0))

    per_sample = vmap(grad(sample_loss), in_dims=(None, 0, 0))(params, X, labels)
    for name, p in model.named_parameters():
        p.grad = per_sample[name].mean(dim=0)
    optimizer.step()
    with torch.no_grad():
        return F.cross_entropy(model(X), labels).item()
