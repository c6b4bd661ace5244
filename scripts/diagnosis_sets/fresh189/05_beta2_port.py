"""PyTorch port of kan_reg_numpy.py, in the style of FastKAN (RadialBasisFunction + SplineLinear).

    layers.{0,1}.spline_linear.weight  (d_out, d_in * G)  = S{l}.T
    layers.{0,1}.base_linear.weight    (d_out, d_in)      = W{l}.T
    layers.{0,1}.base_linear.bias      (d_out,)           = b{l}
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class RadialBasisFunction(nn.Module):
    def __init__(self, grid_min=-2.0, grid_max=2.0, num_grids=6):
        super().__init__()
        self.register_buffer("grid", torch.linspace(grid_min, grid_max, num_grids))
        self.denominator = (grid_max - grid_min) / (num_grids - 1)

    def forward(self, x):
        return torch.exp(-((x[..., None] - self.grid) / self.denominator) ** 2)


class FastKANLayer(nn.Module):
    def __init__(self, input_dim, output_dim, num_grids=6, grid_min=-2.0, grid_max=2.0):
        super().__init__()
        self.layernorm = nn.LayerNorm(input_dim, elementwise_affine=False)
        self.rbf = RadialBasisFunction(grid_min, grid_max, num_grids)
        self.spline_linear = nn.Linear(input_dim * num_grids, output_dim, bias=False)
        self.base_linear = nn.Linear(input_dim, output_dim)

    def forward(self, x):
        spline_basis = self.rbf(self.layernorm(x))
        ret = self.spline_linear(spline_basis.view(*spline_basis.shape[:-2], -1))
        ret = ret + self.base_linear(F.silu(x))
        return ret


class FastKAN(nn.Module):
    def __init__(self, widths=(4, 8, 2), num_grids=6):
        super().__init__()
        self.layers = nn.ModuleList(
            FastKANLayer(i, o, num_grids=num_grids) for i, o in zip(widths[:-1], widths[1:]))

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return x


def make_optimizer(model):
    return torch.optim.Adam(model.parameters(), lr=1e-2, betas=(0.9, 0.99), eps=1e-8)


def train_step(model, optimizer, X, y):
    optimizer.zero_grad()
    loss = F.mse_loss(model(X), y)
    loss.backward()
    optimizer.step()
    return loss.item()
