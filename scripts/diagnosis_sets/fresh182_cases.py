"""One hundred and eighty-second fresh held-out set for the diagnosis: one planted bug per program in
fresh182/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is physics-informed and
Sobolev training: a small tanh MLP u(x) fitted to values AND to its derivative with respect to
the input. The NumPy programs compute u_x in closed form through the network (forward-mode by
hand) and write the second-order backward by hand (d(1 - h^2)/dz = -2 h (1 - h^2)); the ports
take u_x from torch.autograd.grad(..., create_graph=True).

The base programs (data from fresh182/make_data.py, fixed seed, nothing random while training):

    sob_numpy.py:SobolevNet / sob_torch.py:SobolevNet, sobolev.npz X (32, 1) in [-2, 2],
        y (32, 2): y[:, 0] noisy u*(x) = sin(1.5 x) + 0.3 x, y[:, 1] noisy u*'(x)
        u = tanh(x W1 + b1) W2 + b2 with 24 hidden units (NumPy: params dict, W kept (in, out));
        u_x = ((1 - h^2) * W1) @ W2; loss = mean((u - y0)^2) + 0.5 mean((u_x - y1)^2).
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    pinn_numpy.py:PINN / pinn_torch.py:PINN, pinn.npz X (48, 1) in [0, 2], y (48, 2):
        y[:, 0] noisy observations of u*(x) = sin(2 x) + 0.5 x, y[:, 1] the forcing f of
        the ODE u' + A u = f (A = 1)
        two tanh hidden layers 1 -> 16 -> 16 -> 1 (NumPy: attributes W1..W3 kept (out, in) as
        torch, b1..b3; torch: nn.Sequential); residual r = u_x + A u - f;
        loss = 1.0 mean((u - y0)^2) + 0.5 mean(r^2). SGD lr 0.02, heavy-ball momentum 0.9
        (v = mu v + g; p -= lr v), as torch.optim.SGD.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh182_cases

Each case:
    id          short name (prefixed UZ)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh182/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def sob(numpy="sob_numpy.py", port="sob_torch.py"):
    return [F + numpy + ":SobolevNet", "--torch", F + port + ":SobolevNet",
            "--data", F + "sobolev.npz", "--as-written",
            "--param", "params['W1']=fc1.weight.T",
            "--param", "params['b1']=fc1.bias",
            "--param", "params['W2']=fc2.weight.T",
            "--param", "params['b2']=fc2.bias", *RUN]


def sob_units():
    return [F + "sob_alt_numpy.py:SobolevUnits", "--torch", F + "sob_torch.py:SobolevNet",
            "--data", F + "sobolev.npz", "--as-written",
            "--param", "params['w']=fc1.weight.reshape(24)",
            "--param", "params['c']=fc1.bias",
            "--param", "params['a']=fc2.weight.reshape(24)",
            "--param", "params['d']=fc2.bias", *RUN]


def sob_closed_form():
    return [F + "sob_numpy.py:SobolevNet", "--torch", F + "sob_alt_torch.py:SobolevClosedForm",
            "--data", F + "sobolev.npz", "--as-written",
            "--param", "params['W1']=W1",
            "--param", "params['b1']=b1",
            "--param", "params['W2']=W2",
            "--param", "params['b2']=b2", *RUN]


def pinn(numpy="pinn_numpy.py", port="pinn_torch.py"):
    return [F + numpy + ":PINN", "--torch", F + port + ":PINN",
            "--data", F + "pinn.npz", "--as-written",
            "--param", "W1=net.0.weight",
            "--param", "b1=net.0.bias",
            "--param", "W2=net.2.weight",
            "--param", "b2=net.2.bias",
            "--param", "W3=net.4.weight",
            "--param", "b3=net.4.bias", *RUN]


def pinn_layers():
    return [F + "pinn_alt_numpy.py:LayeredPINN", "--torch", F + "pinn_torch.py:PINN",
            "--data", F + "pinn.npz", "--as-written",
            "--param", "layers[0]['W']=net.0.weight.T",
            "--param", "layers[0]['b']=net.0.bias",
            "--param", "layers[1]['W']=net.2.weight.T",
            "--param", "layers[1]['b']=net.2.bias",
            "--param", "layers[2]['W']=net.4.weight.T",
            "--param", "layers[2]['b']=net.4.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UZ01", "side": "port", "args": sob(port="01_nocreategraph_port.py"),
     "mechanism": "torch.autograd.grad for u_x called with retain_graph=True but without "
                  "create_graph=True: u_x is a constant for the outer backward, so the derivative "
                  "(Sobolev) term contributes no gradient to any weight",
     "expected": ("create_graph", "derivative term", "detach", "no gradient", "second-order")},
    {"id": "UZ02", "side": "port", "args": sob(port="02_targetshape_port.py"),
     "mechanism": "derivative target taken as y[:, 1] (shape (N,)) against u_x (N, 1): "
                  "F.mse_loss broadcasts to an (N, N) difference matrix",
     "expected": ("broadcast", "shape", "(n, n)", "target", "y[:, 1]")},
    {"id": "UZ03", "side": "port", "args": sob(port="03_beta2_port.py"),
     "mechanism": "torch.optim.Adam(betas=(0.9, 0.99)) where the NumPy Adam uses beta2 = 0.999: "
                  "the second moment (exp_avg_sq) averages differently",
     "expected": ("beta2", "betas", "0.99", "exp_avg_sq", "second moment")},
    {"id": "UZ04", "side": "port", "args": sob(port="04_swappedweights_port.py"),
     "mechanism": "loss weights swapped: LAM = 0.5 multiplies the value (data) term and the "
                  "derivative term gets weight 1",
     "expected": ("weight", "swapped", "lam", "data term", "derivative term")},
    {"id": "UZ05", "side": "port", "args": pinn(port="05_meanslope_port.py"),
     "mechanism": "u_x taken as torch.autograd.grad(u.mean(), x): the input derivative is "
                  "divided by the batch size N = 48, shrinking u_x in the ODE residual",
     "expected": ("mean", "batch size", "1/n", "u.mean", "scale")},
    {"id": "UZ06", "side": "port", "args": pinn(port="06_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: the .grad of every parameter "
                  "accumulates over steps (correct at step 1, wrong from step 2)",
     "expected": ("zero_grad", "accumulat", "accumulate", "step 2")},
    {"id": "UZ07", "side": "port", "args": pinn(port="07_residualsum_port.py"),
     "mechanism": "ODE residual term reduced with .sum() instead of .mean(): the physics term "
                  "48 times too heavy while the data term stays a mean",
     "expected": ("sum", "mean", "reduction", "residual", "48")},
    {"id": "UZ08", "side": "port", "args": pinn(port="08_residualsign_port.py"),
     "mechanism": "ODE residual written u_x - A u - f instead of u_x + A u - f: the sign of the "
                  "A u term flipped",
     "expected": ("sign", "residual", "a * u", "a*u", "flipped")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UZ09", "side": "numpy", "args": sob(numpy="09_tanh2nd_numpy.py"),
     "mechanism": "second derivative of tanh written d(1 - h^2)/dz = -2 h (the (1 - h^2) factor "
                  "left out) in the backward of the slope term",
     "expected": ("second derivative", "tanh", "1 - h", "-2 h", "derivative")},
    {"id": "UZ10", "side": "numpy", "args": sob(numpy="10_directterm_numpy.py"),
     "mechanism": "W1 gradient misses the explicit term of u_x = ((1 - h^2) * W1) @ W2 in W1 "
                  "(sum of dL/du_x * (1 - h^2) * W2): only the path through z = x W1 is kept",
     "expected": ("w1", "missing", "term", "direct", "explicit")},
    {"id": "UZ11", "side": "numpy", "args": sob(numpy="11_biascorrstep_numpy.py"),
     "mechanism": "Adam bias corrections use beta ** (t + 1) after t was already incremented: "
                  "step count off by one in 1 - beta1^t and 1 - beta2^t",
     "expected": ("bias correction", "bias-correct", "off by one", "step count", "t + 1")},
    {"id": "UZ12", "side": "numpy", "args": sob(numpy="12_slopefactor_numpy.py"),
     "mechanism": "gradient of the derivative term written LAM * (u_x - y1) / N, the factor 2 of "
                  "the square left out (the value term keeps it)",
     "expected": ("factor 2", "factor of 2", "half", "0.5", "derivative term")},
    {"id": "UZ13", "side": "numpy", "args": pinn(numpy="13_secondsign_numpy.py"),
     "mechanism": "in the second hidden layer the slope path through d(1 - h^2)/dz uses +2 h "
                  "instead of -2 h: wrong sign of the tanh second derivative there",
     "expected": ("sign", "second derivative", "tanh", "w2", "b2")},
    {"id": "UZ14", "side": "numpy", "args": pinn(numpy="14_residualu_numpy.py"),
     "mechanism": "dL/du leaves out the residual's dependence on u (the A * dL/dr term): only "
                  "the data term reaches u, the residual only through u_x",
     "expected": ("residual", "missing", "term", "a * u", "dl/du")},
    {"id": "UZ15", "side": "numpy", "args": pinn(numpy="15_emamomentum_numpy.py"),
     "mechanism": "momentum as an exponential average v = mu v + (1 - mu) g instead of "
                  "torch.optim.SGD's v = mu v + g (dampening 0.9): every update scaled by 0.1 at "
                  "step 1 and different after",
     "expected": ("momentum", "dampening", "1 - mu", "ema", "velocity")},
    {"id": "UZ16", "side": "numpy", "args": pinn(numpy="16_w2transpose_numpy.py"),
     "mechanism": "gradient of the square W2 (kept (out, in)) computed in the (in, out) layout: "
                  "h1.T @ dz2 + g1.T @ dq2 instead of its transpose",
     "expected": ("transpose", "layout", "w2", "(out, in)", "in, out")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UZ17", "side": "correct", "args": sob_units(),
     "mechanism": "correct: per-unit flat parameter vectors with einsum, u_x = s @ (a * w), "
                  "Adam with in-place moments and the step size lr / (1 - beta1^t) form",
     "expected": ()},
    {"id": "UZ18", "side": "correct", "args": sob_closed_form(),
     "mechanism": "correct: port with raw nn.Parameters in the NumPy layout and u_x in closed "
                  "form ((1 - h^2) * W1) @ W2 differentiated by autograd, no autograd.grad",
     "expected": ()},
    {"id": "UZ19", "side": "correct", "args": pinn_layers(),
     "mechanism": "correct: NumPy PINN as a generic layer loop carrying (h, dh/dx) dual pairs, "
                  "W kept (in, out), momentum updated in place",
     "expected": ()},
]
