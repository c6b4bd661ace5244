"""One hundred twenty-sixth fresh held-out set for the diagnosis: one planted bug per program in
fresh126/, eight in PyTorch ports and eight in NumPy programs, plus three correct variants.
The theme is two-dimensional convolutional networks written from scratch: im2col (or loop)
convolutions with stride and padding, max pooling whose backward routes through the argmax,
global average pooling, on small 8x8 images, trained with SGD or momentum.

The base programs (data written by fresh126/make_data.py, seed 126, 64 rows each):

    a_numpy.py:CNN / a_port.py:CNN, a.npz (X (64, 2, 8, 8), y int64 in {0, 1, 2}):
        conv 3x3 (2 -> 4, bias, stride 1, zero padding 1) by im2col -> ReLU -> 2x2 max pool,
        stride 2 (backward through the argmax) -> flatten (c, h, w) -> dense 64 -> 3 ->
        softmax cross-entropy (mean); SGD momentum 0.9, lr 0.05 (v = mu v + g; p -= lr v).
        Port: nn.Conv2d, nn.MaxPool2d, nn.Linear, F.cross_entropy, torch.optim.SGD.
        Kernel K kept (cout, cin, kh, kw); dense W kept (in, out).
    b_numpy.py:AllConvNet / b_port.py:AllConvNet, b.npz (X (64, 3, 8, 8), y int64 in {0, 1, 2}):
        conv1 3x3 (3 -> 4, stride 1, padding 1) -> ReLU -> conv2 3x3 (4 -> 6, stride 2,
        padding 1) -> ReLU -> global average pool over 4x4 -> dense 6 -> 3 -> softmax
        cross-entropy (mean); both convolutions by im2col, conv2's input gradient by col2im;
        plain SGD lr 0.1. Port: two nn.Conv2d, mean over (2, 3), nn.Linear, and a
        hand-written update under torch.no_grad() (grads cleared by p.grad = None).
    c_numpy.py:LoopConvRegressor / c_port.py:LoopConvRegressor, c.npz (X (64, 1, 8, 8), y (64, 2) float):
        conv 3x3 (1 -> 3, valid, stride 1) as a loop over kernel offsets -> tanh -> 3x3 max
        pool with stride 2 (overlapping windows, backward adds at the argmax with np.add.at)
        -> flatten -> dense 12 -> 2 -> mean squared error over every element; SGD with
        Nesterov momentum 0.9, lr 0.05 in torch's form. Port: nn.Conv2d, torch.tanh,
        nn.MaxPool2d(3, stride=2), nn.Linear, F.mse_loss, torch.optim.SGD(nesterov=True).

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh126_cases

Each case:
    id          short name (prefixed SV)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); the
                buggy side is checked against the correct other base program, --as-written
                with every parameter paired by --param
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or any other set; validated by
exit status alone (every bug exits 1 and its fixed version 0, every correct program exits 0).
"""

F = "scripts/diagnosis_sets/fresh126/"

CASES = [
    {"id": "SV01", "side": "port",
     "args": [F + 'a_numpy.py:CNN', '--torch', F + '01_avgpool_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'port pools with nn.AvgPool2d(2, 2) where the NumPy program max-pools 2x2 (gradient routed to the argmax)',
     "expected": ('average pool', 'avgpool', 'avg_pool', 'max pool', 'maxpool')},
    {"id": "SV02", "side": "port",
     "args": [F + 'a_numpy.py:CNN', '--torch', F + '02_nhwcflatten_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'port flattens the pooled maps channel-last (permute(0, 2, 3, 1).flatten(1)) where the NumPy program flattens (channel, row, column)',
     "expected": ('flatten', 'permute', 'channel-last', 'nhwc', 'order')},
    {"id": "SV03", "side": "port",
     "args": [F + 'a_numpy.py:CNN', '--torch', F + '03_weightdecay_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "port's torch.optim.SGD carries weight_decay=5e-4 that the NumPy momentum update does not have",
     "expected": ('weight decay', 'weight_decay', 'l2', 'proportional to the parameter')},
    {"id": "SV04", "side": "port",
     "args": [F + 'b_numpy.py:AllConvNet', '--torch', F + '04_stride_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "port's second convolution has stride 1 instead of stride 2 (global average pooling hides the larger map)",
     "expected": ('stride',)},
    {"id": "SV05", "side": "port",
     "args": [F + 'b_numpy.py:AllConvNet', '--torch', F + '05_nozerograd_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "port's hand-written SGD step never clears p.grad, so gradients accumulate across steps",
     "expected": ('zero_grad', 'accumulat', 'grad = none', 'not zeroed', 'cleared')},
    {"id": "SV06", "side": "port",
     "args": [F + 'b_numpy.py:AllConvNet', '--torch', F + '06_norelu2_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'port drops the ReLU after the second convolution before global average pooling',
     "expected": ('relu', 'activation')},
    {"id": "SV07", "side": "port",
     "args": [F + 'c_numpy.py:LoopConvRegressor', '--torch', F + '07_nonesterov_port.py:LoopConvRegressor', '--data', F + 'c.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "port's torch.optim.SGD leaves out nesterov=True; the NumPy program steps with Nesterov momentum",
     "expected": ('nesterov', 'lookahead', 'look-ahead')},
    {"id": "SV08", "side": "port",
     "args": [F + 'c_numpy.py:LoopConvRegressor', '--torch', F + '08_sumloss_port.py:LoopConvRegressor', '--data', F + 'c.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "port's F.mse_loss uses reduction='sum' where the NumPy program averages over every element (factor N*outputs = 128)",
     "expected": ('reduction', "reduction='sum'", 'summed', '128')},
    {"id": "SV09", "side": "numpy",
     "args": [F + '09_poolallgrad_numpy.py:CNN', '--torch', F + 'a_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'max-pool backward copies each pooled gradient to all four window positions instead of only the argmax',
     "expected": ('argmax', 'max pool', 'max-pool', 'maxpool', 'window')},
    {"id": "SV10", "side": "numpy",
     "args": [F + '10_padshift_numpy.py:CNN', '--torch', F + 'a_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'im2col pads 2 zeros on the bottom/right only instead of 1 on each side, shifting every convolution window',
     "expected": ('padding', 'pad', 'shift', 'asymmetric', 'offset')},
    {"id": "SV11", "side": "numpy",
     "args": [F + '11_staleveloc_numpy.py:CNN', '--torch', F + 'a_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'momentum update steps the weights with the previous velocity before updating it (p -= lr * v moved above v = mu * v + g)',
     "expected": ('order', 'stale', 'previous velocity', 'one step late', 'lagged')},
    {"id": "SV12", "side": "numpy",
     "args": [F + '12_col2imassign_numpy.py:AllConvNet', '--torch', F + 'b_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": "col2im assigns (=) each kernel offset's patch gradient instead of adding (+=), losing the overlap of stride-2 3x3 windows in conv1's input gradient",
     "expected": ('col2im', 'overlap', 'accumulat', '+=', 'overwrit')},
    {"id": "SV13", "side": "numpy",
     "args": [F + '13_gapnodiv_numpy.py:AllConvNet', '--torch', F + 'b_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'global-average-pool backward forgets to divide by the spatial size oh*ow = 16',
     "expected": ('average pool', 'spatial size', 'divide', 'oh*ow', '1/16')},
    {"id": "SV14", "side": "numpy",
     "args": [F + '14_kernelgradlayout_numpy.py:AllConvNet', '--torch', F + 'b_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=conv1.weight", '--param', "params['b1']=conv1.bias", '--param', "params['K2']=conv2.weight", '--param', "params['b2']=conv2.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'conv2 kernel gradient computed as (cols.T @ dz).reshape(K2.shape): the (cin*kh*kw, cout) product reshaped without the transpose',
     "expected": ('transpose', 'reshape', 'layout', 'scrambl')},
    {"id": "SV15", "side": "numpy",
     "args": [F + '15_tanhtwice_numpy.py:LoopConvRegressor', '--torch', F + 'c_port.py:LoopConvRegressor', '--data', F + 'c.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'tanh derivative taken of the already-activated values: 1 - tanh(a)**2 with a = tanh(z)',
     "expected": ('tanh', 'already-activated', 'activated twice', 'activated value')},
    {"id": "SV16", "side": "numpy",
     "args": [F + '16_msenotwo_numpy.py:LoopConvRegressor', '--torch', F + 'c_port.py:LoopConvRegressor', '--data', F + 'c.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'mean-squared-error gradient drops the factor 2 (dout = (out - y) / size)',
     "expected": ('factor 2', 'factor of 2', 'half', '2x', 'halved')},
    {"id": "SV17", "side": "correct",
     "args": [F + '17_windowview_numpy.py:CNN', '--torch', F + 'a_port.py:CNN', '--data', F + 'a.npz', '--param', "params['K']=conv.weight.permute(2,3,1,0)", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight.T", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'correct: sliding_window_view + einsum convolution, (kh, kw, cin, cout) kernel, mask max pool, in-place momentum',
     "expected": ()},
    {"id": "SV18", "side": "correct",
     "args": [F + 'b_numpy.py:AllConvNet', '--torch', F + '18_unfold_port.py:AllConvNet', '--data', F + 'b.npz', '--param', "params['K1']=K1", '--param', "params['b1']=b1", '--param', "params['K2']=K2", '--param', "params['b2']=b2", '--param', "params['W']=W", '--param', "params['b']=b", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'correct: port with F.unfold convolutions, raw nn.Parameters in NumPy layout, torch.optim.SGD',
     "expected": ()},
    {"id": "SV19", "side": "correct",
     "args": [F + '19_im2col_numpy.py:LoopConvRegressor', '--torch', F + 'c_port.py:LoopConvRegressor', '--data', F + 'c.npz', '--param', "params['K']=conv.weight", '--param', "params['bK']=conv.bias", '--param', "params['W']=fc.weight", '--param', "params['b']=fc.bias", '--as-written', '--steps', '20', '--dtype', 'float32', '--device', 'cpu'],
     "mechanism": 'correct: im2col convolution, (out, in) dense weight, linear-index max-pool scatter, expanded Nesterov step',
     "expected": ()},
]
